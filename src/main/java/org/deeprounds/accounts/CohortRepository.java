package org.deeprounds.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    Optional<Cohort> findByNameIgnoreCase(String name);

    List<Cohort> findAllByOrderByName();

    @Query("select distinct c from Cohort c join c.trainees t where t.username = :username order by c.name")
    List<Cohort> findByTrainee(@Param("username") String username);

    @Query("select distinct c from Cohort c join c.instructors i where i.username = :username order by c.name")
    List<Cohort> findByInstructor(@Param("username") String username);
}
