package org.regdesk.backend.tests;

/** E-Onay on PostgreSQL, the production database. */
class EOnayApiOnPostgresTest extends EOnayApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
