"""Word output: the house style, the one module that writes raw Word XML, the shared writer, and the renderer."""
