"""vaxbot: curated, CDC-sourced vaccine answers for library patrons."""
