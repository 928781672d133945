"""The pages of the workbench, one module per area, each listing its routes."""
