package org.deeprounds.training;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

    List<TrainingRun> findByOwnerOrderByIdDesc(String owner);

    List<TrainingRun> findAllByOrderByIdDesc();

    List<TrainingRun> findByStatusOrderByIdAsc(RunStatus status);

    /**
     * Every run of a dataset, whatever its state (each one reads the dataset again: evaluation, re-run, resume),
     * without its metrics and design.
     */
    @Query("select new org.deeprounds.training.RunOnDataset(r.id, r.owner, r.template, r.status) from TrainingRun r"
            + " where r.datasetId = :datasetId order by r.id desc")
    List<RunOnDataset> findOnDataset(@Param("datasetId") long datasetId);

    long countByOwnerAndStatus(String owner, RunStatus status);

    @Modifying
    @Query("update TrainingRun r set r.status = :to, r.message = :message where r.status = :from")
    int markAll(@Param("from") RunStatus from, @Param("to") RunStatus to, @Param("message") String message);
}
