import DocPipe
