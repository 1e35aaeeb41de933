import DocPipeCLI
import Foundation

exit(await DocPipeCLI.main())
