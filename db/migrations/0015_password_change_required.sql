-- Placeholder: filled in this session.
SELECT 1;
