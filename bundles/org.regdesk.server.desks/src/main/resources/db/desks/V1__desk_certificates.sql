-- A desk is its certificate (issue #16): each certificate a desk may present, recorded at enrolment by its
-- SHA-256 fingerprint (with issuer and serial, which the desk CA's CRL names). A desk may have several (a
-- renewal overlaps the old one); a withdrawn certificate keeps its row with revoked_at set.
CREATE TABLE desk_certificates (
    fingerprint  VARCHAR(64)  PRIMARY KEY,
    desk_id      VARCHAR(32)  NOT NULL REFERENCES desks (id),
    issuer       VARCHAR(500) NOT NULL,
    serial       VARCHAR(100) NOT NULL,
    not_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX desk_certificates_desk ON desk_certificates (desk_id);
