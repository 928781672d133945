"""What was done before: the precedent corpus, its search index and comparison against a draft."""
