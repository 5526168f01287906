-- A run's decision threshold, chosen on the validation split and locked before its test split is read; a lock made
-- after the test figures were shown is kept but recorded as chosen on the test split.
create table threshold_lock (
    run_id bigint primary key references training_run(id) on delete cascade,
    test_opened_at timestamp,
    threshold double precision,
    chosen_on varchar(12),
    locked_by varchar(100),
    locked_at timestamp,
    justification varchar(10000),
    constraint ck_threshold_lock_chosen_on check (chosen_on in ('validation', 'test')),
    constraint ck_threshold_lock_range check (threshold is null or (threshold >= 0 and threshold <= 1))
);

-- What an evaluate step measured at the locked threshold (threshold, confusion matrix), for lessons that quote it;
-- and an instructor's rubric score of a reflection, model card or justification: one 0/1 per criterion, in order.
alter table step_progress add column figures varchar(400);
alter table step_progress add column rubric_marks varchar(100);
alter table step_progress add column rubric_scored_by varchar(100);
