"""What a provision is: clause kinds (pydantic), deadlines and negotiation state."""
