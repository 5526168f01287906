-- Quiz attempts and the best model metric per step.
-- attempts: how often a quiz step was answered; first_right / question_count: its first attempt's score, which
-- later attempts never change. best_metric: the best value of a train or evaluate step's pass measure over the
-- runs the trainee checked, for the grades export.

alter table step_progress add column attempts integer not null default 0;
alter table step_progress add column first_right integer;
alter table step_progress add column question_count integer;
alter table step_progress add column best_metric double precision;
