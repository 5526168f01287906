package org.deeprounds.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One author of a course: an instructor who may change it. */
@Entity
@Table(name = "course_author")
class CourseAuthor {

    @EmbeddedId
    private Key key;

    @Column(name = "added_by", nullable = false, length = 100)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CourseAuthor() {}

    CourseAuthor(String courseId, String username, String addedBy, Instant addedAt) {
        this.key = new Key(courseId, username);
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    @jakarta.persistence.Embeddable
    record Key(
            @Column(name = "course_id", length = 100) String courseId,
            @Column(name = "username", length = 100) String username)
            implements Serializable {}

    String username() {
        return key.username();
    }
}
