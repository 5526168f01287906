package org.deeprounds.datasets;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DatasetRepository extends JpaRepository<Dataset, Long> {

    /** The shared library and the user's own datasets. */
    @Query("select d from Dataset d where d.ownerUsername is null or d.ownerUsername = :username order by d.name")
    List<Dataset> findVisibleTo(@Param("username") String username);

    List<Dataset> findAllByOrderByName();

    boolean existsBySampleKey(String sampleKey);

    Optional<Dataset> findBySampleKey(String sampleKey);

    boolean existsByStorageKey(String storageKey);

    /**
     * The dataset's row, locked until the transaction ends: a delete and a new run on the same dataset take this lock
     * first, so a run is never stored for a dataset being deleted, nor a dataset deleted under a run being stored.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Dataset d where d.id = :id")
    Optional<Dataset> findForUpdate(@Param("id") long id);

    /** What the datasets a user imported hold on disk (shipped samples are the system's). */
    @Query("select coalesce(sum(d.storedBytes), 0) from Dataset d where d.createdBy = :username"
            + " and d.sampleKey is null")
    long sumStoredBytesOfImportsBy(@Param("username") String username);
}
