package org.deeprounds.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** The token with its owner and the owner's roles, in one query on the unique lookup id. */
    @Query("select t from ApiToken t join fetch t.user u left join fetch u.roles where t.lookupId = :lookupId")
    Optional<ApiToken> findForSignIn(@Param("lookupId") String lookupId);

    @Query("select t from ApiToken t where t.user.username = :username order by t.createdAt desc, t.id desc")
    List<ApiToken> findOwnedBy(@Param("username") String username);

    @Query("select t from ApiToken t where t.id = :id and t.user.username = :username")
    Optional<ApiToken> findOwned(@Param("id") Long id, @Param("username") String username);

    @Query("select count(t) from ApiToken t where t.user.username = :username")
    long countOwnedBy(@Param("username") String username);

    /** Sets "last used" unless it is already later than {@code notAfter} (so busy scripts write once a minute). */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :notAfter)")
    int markUsed(@Param("id") Long id, @Param("now") Instant now, @Param("notAfter") Instant notAfter);
}
