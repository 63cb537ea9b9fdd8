"""The built site's own tools: the search index, the link check, the site written apart, compact pages."""
