package org.deeprounds.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

    /**
     * What an instructor may see: their own runs and those of the trainees of every cohort they teach. Cohort
     * membership is the accounts feature's ({@code cohort_trainee}, {@code cohort_instructor}); the database answers
     * it in the same query, so no run is loaded only to be filtered out.
     */
    String INSTRUCTOR_SEES = "(r.owner = :username or r.owner in (select t.username from Cohort c join c.trainees t"
            + " join c.instructors i where i.username = :username))";

    Page<TrainingRun> findByOwner(String owner, Pageable pageable);

    long countByOwner(String owner);

    @Query(
            value = "select r from TrainingRun r where " + INSTRUCTOR_SEES,
            countQuery = "select count(r) from TrainingRun r where " + INSTRUCTOR_SEES)
    Page<TrainingRun> findVisibleToInstructor(@Param("username") String username, Pageable pageable);

    @Query("select count(r) from TrainingRun r where " + INSTRUCTOR_SEES)
    long countVisibleToInstructor(@Param("username") String username);

    @Query("select count(c) > 0 from Cohort c join c.trainees t join c.instructors i"
            + " where i.username = :username and t.username = :owner")
    boolean isTraineeTaughtBy(@Param("owner") String owner, @Param("username") String username);

    @Query("select count(r) > 0 from TrainingRun r where r.id = :id and " + INSTRUCTOR_SEES)
    boolean isVisibleToInstructor(@Param("id") long id, @Param("username") String username);

    /** The owner's newest run on a dataset queued at or after {@code since}. */
    Optional<TrainingRun> findFirstByOwnerAndDatasetIdAndQueuedAtGreaterThanEqualOrderByIdDesc(
            String owner, long datasetId, Instant since);

    List<TrainingRun> findByStatusOrderByIdAsc(RunStatus status);

    /**
     * Every run of a dataset, whatever its state (each one reads the dataset again: evaluation, re-run, resume),
     * without its metrics and design.
     */
    @Query("select new org.deeprounds.training.RunOnDataset(r.id, r.owner, r.template, r.status) from TrainingRun r"
            + " where r.datasetId = :datasetId order by r.id desc")
    List<RunOnDataset> findOnDataset(@Param("datasetId") long datasetId);

    long countByOwnerAndStatus(String owner, RunStatus status);

    long countByStatus(RunStatus status);

    /** RUNNING runs whose holder has not renewed its claim since {@code now}: their node stopped or lost touch. */
    @Query("select r.id from TrainingRun r where r.status = org.deeprounds.training.RunStatus.RUNNING"
            + " and (r.leaseUntil is null or r.leaseUntil < :now)")
    List<Long> findLapsed(@Param("now") Instant now);

    /** Renews this node's claim on a run; 0 when the run is no longer this node's to train. */
    @Modifying
    @Query("update TrainingRun r set r.leaseUntil = :until where r.id = :id and r.node = :node"
            + " and r.status = org.deeprounds.training.RunStatus.RUNNING")
    int renewLease(@Param("id") long id, @Param("node") String node, @Param("until") Instant until);

    /** Asks whichever node trains the run to stop; it reads this at its next heartbeat. */
    @Modifying
    @Query("update TrainingRun r set r.cancelRequested = true where r.id = :id"
            + " and r.status = org.deeprounds.training.RunStatus.RUNNING")
    int requestCancel(@Param("id") long id);

    @Query("select r.id from TrainingRun r where r.id in :ids and r.cancelRequested = true")
    List<Long> findCancelRequested(@Param("ids") java.util.Collection<Long> ids);

    /** Runs that changed (any entity update) while waiting, training or lately: what views on other nodes show. */
    @Query("select r.id, r.version from TrainingRun r where r.status in (org.deeprounds.training.RunStatus.QUEUED,"
            + " org.deeprounds.training.RunStatus.RUNNING) or r.finishedAt > :since")
    List<Object[]> findActiveVersions(@Param("since") Instant since);

    @Modifying
    @Query("update TrainingRun r set r.status = :to, r.message = :message where r.status = :from")
    int markAll(@Param("from") RunStatus from, @Param("to") RunStatus to, @Param("message") String message);
}
