-- A published result for the dataset (metric, value and source), shown beside a model's own test metrics.
alter table dataset add column published_result varchar(2000);
