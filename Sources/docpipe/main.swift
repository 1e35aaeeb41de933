import DocPipeCLI
