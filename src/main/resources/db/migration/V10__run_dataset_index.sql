-- The runs of a dataset are looked up whenever it is about to be deleted (and on its page, for those who may delete
-- it): a dataset in use is refused.
create index ix_run_dataset on training_run (dataset_id);
