-- The authors of each course (issue 15 item 16): only they and administrators change it.
-- Courses live in files and are named here by id. A course without a row here (shipped with DeepRounds, or written
-- before authorship was recorded) is changed by administrators only, who can add its authors.
create table course_author (
    course_id varchar(100)                not null,
    username  varchar(100)                not null,
    added_by  varchar(100)                not null,
    added_at  timestamp(6) with time zone not null,
    primary key (course_id, username)
);
