package org.regdesk.server.store;

import java.time.LocalDate;
import java.util.Objects;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.Tckn;

/** A citizen the CA knows. {@code idDocumentNumber} is what an operator checks on the ID card. */
public record Citizen(Tckn tckn, String givenName, String familyName, LocalDate birthDate, PhoneNumber phone,
        String idDocumentNumber) {

    public Citizen {
        Objects.requireNonNull(tckn, "tckn");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(idDocumentNumber, "idDocumentNumber");
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    @Override
    public String toString() {
        return "Citizen[" + tckn.masked() + "]";
    }
}
