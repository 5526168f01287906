-- What each dataset holds on disk (uploaded file, labels, split assignment, previews), for per-user storage quotas.
-- Datasets imported before this count their uploaded file's size, which is nearly all of their folder.
alter table dataset add column stored_bytes bigint default 0 not null;
update dataset set stored_bytes = size_bytes;
-- A user's usage is summed over the datasets they imported.
create index ix_dataset_created_by on dataset (created_by);
