-- Why a finished run stopped (all epochs, early stopping, time limit, cancelled, diverged): a completed run's status
-- alone does not tell early stopping from the time limit. Null while a run is queued, running, interrupted or failed.
alter table training_run add column stop_reason varchar(20);
alter table training_run add constraint ck_run_stop_reason check (stop_reason in
    ('ALL_EPOCHS', 'EARLY_STOPPING', 'TIME_LIMIT', 'CANCELLED', 'DIVERGED'));
-- Runs finished before this: their message, written by the trainer, says which way a completed run ended.
update training_run set stop_reason = 'TIME_LIMIT'
    where status = 'COMPLETED' and message like 'Stopped at the time limit%';
update training_run set stop_reason = 'EARLY_STOPPING'
    where status = 'COMPLETED' and message like 'Stopped early%' and epoch < epochs;
update training_run set stop_reason = 'ALL_EPOCHS' where status = 'COMPLETED' and stop_reason is null;
update training_run set stop_reason = 'CANCELLED' where status = 'CANCELLED';
update training_run set stop_reason = 'DIVERGED' where status = 'DIVERGED';
