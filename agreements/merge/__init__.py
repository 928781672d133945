"""Three-way merge of drafts by node id: what two sides changed from one base, with clashes as bracketed options."""
