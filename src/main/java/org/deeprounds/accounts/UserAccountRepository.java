package org.deeprounds.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    @Query("select distinct u from UserAccount u join u.roles r where r = :role order by u.username")
    List<UserAccount> findByRole(@Param("role") String role);

    @Query("select count(distinct u) from UserAccount u join u.roles r where r = :role and u.enabled = true")
    long countEnabledWithRole(@Param("role") String role);

    @Query("select count(distinct u) from UserAccount u join u.roles r where r = :role")
    long countWithRole(@Param("role") String role);
}
