-- The TemplateURL an apply attempt passes to CloudFormation when its template is over 51,200 bytes and was
-- uploaded to CFN_TEMPLATE_BUCKET; null when the template went as TemplateBody (or the mode is export).
alter table apply_attempts add column template_url text;
