"""A document made of clauses: draft files, consistency rules and sequencing."""
