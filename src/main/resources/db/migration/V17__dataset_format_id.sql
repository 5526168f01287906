-- Each dataset names the format that reads it back by a stable id (datasets.DatasetFormats), never by the display
-- name in its summary. Datasets stored before this are matched by that display name, the only five ever written.
alter table dataset add column format_id varchar(40);
update dataset set format_id = 'medmnist-npz' where summary_json like '%"format":"MedMNIST npz"%';
update dataset set format_id = 'image-zip' where summary_json like '%"format":"zip of image folders"%';
update dataset set format_id = 'table-csv' where summary_json like '%"format":"CSV table"%';
update dataset set format_id = 'sequence-csv' where summary_json like '%"format":"CSV with sequence column"%';
update dataset set format_id = 'fasta' where summary_json like '%"format":"FASTA"%'
    or summary_json like '%"format":"FASTA + labels CSV"%';
