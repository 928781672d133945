"""`peacedraft intake`: a partner's tracked changes and comments in our Word text become its attributed options."""
