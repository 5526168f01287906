package org.deeprounds.datasets;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DatasetRepository extends JpaRepository<Dataset, Long> {

    /** The shared library and the user's own datasets. */
    @Query("select d from Dataset d where d.ownerUsername is null or d.ownerUsername = :username order by d.name")
    List<Dataset> findVisibleTo(@Param("username") String username);

    List<Dataset> findAllByOrderByName();

    boolean existsBySampleKey(String sampleKey);

    Optional<Dataset> findBySampleKey(String sampleKey);

    /** What the datasets a user imported hold on disk (shipped samples are the system's). */
    @Query("select coalesce(sum(d.storedBytes), 0) from Dataset d where d.createdBy = :username"
            + " and d.sampleKey is null")
    long sumStoredBytesOfImportsBy(@Param("username") String username);
}
