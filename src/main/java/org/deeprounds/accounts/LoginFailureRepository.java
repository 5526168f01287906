package org.deeprounds.accounts;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    long countByUserIdAndOccurredAtAfter(Long userId, Instant after);

    @Modifying
    @Query("delete from LoginFailure f where f.userId = :userId")
    int deleteByUserId(@Param("userId") Long userId);
}
