-- A fourth kind of data: physiological signals (ECG), imported from PhysioNet WFDB records or signal npz files.
alter table dataset drop constraint ck_dataset_modality;
alter table dataset add constraint ck_dataset_modality check (modality in ('IMAGING', 'GENOMICS', 'EHR', 'SIGNAL'));
