-- Desk operations are plug-ins (issue #13): the purpose of a verification code or a desk session is
-- the id of any installed operation, no longer one of two. The old column's CHECK has no portable
-- name, so each purpose column is replaced by a wider one without it, keeping every row's value.

ALTER TABLE verification_codes ADD COLUMN operation VARCHAR(32);
UPDATE verification_codes SET operation = purpose;
ALTER TABLE verification_codes ALTER COLUMN operation SET NOT NULL;
ALTER TABLE verification_codes DROP CONSTRAINT one_code_per_citizen_and_purpose;
ALTER TABLE verification_codes DROP COLUMN purpose;
ALTER TABLE verification_codes RENAME COLUMN operation TO purpose;
ALTER TABLE verification_codes ADD CONSTRAINT one_code_per_citizen_and_purpose UNIQUE (citizen, purpose);

ALTER TABLE desk_sessions ADD COLUMN operation VARCHAR(32);
UPDATE desk_sessions SET operation = purpose;
ALTER TABLE desk_sessions ALTER COLUMN operation SET NOT NULL;
ALTER TABLE desk_sessions DROP COLUMN purpose;
ALTER TABLE desk_sessions RENAME COLUMN operation TO purpose;
