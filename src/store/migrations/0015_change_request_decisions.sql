-- Every decision records the revision and the version of the change request it was made on, and every
-- revision the version it created, so a refusal of a stale decision can name both (issue 12).
-- Rows written before this migration keep a null version: "unknown", never guessed.
alter table change_request_approvals add column version integer;
alter table change_request_comments add column version integer;
alter table change_request_revisions add column version integer;
update change_request_revisions set version = 1 where revision = 1;
-- An approval may carry a comment: it is kept with the other comments, kind `approve`.
alter table change_request_comments drop constraint change_request_comments_kind_check;
alter table change_request_comments add constraint change_request_comments_kind_check
  check (kind in ('comment', 'approve', 'request_changes', 'reject', 'close', 'apply_failed'));
