package org.lianxin.node.testing;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.lianxin.conformance.fixtures.Sandbox;
import org.lianxin.spec.NationalIdNumber;

/** Request bodies for the tests: organizations and members as a client would send them. */
public final class Fixtures {

    public static final String JSON_LD = "application/ld+json";
    public static final String TURTLE = "text/turtle";
    public static final String N_TRIPLES = "application/n-triples";
    public static final String CONTEXT = Sandbox.CONTEXT;

    private static final AtomicInteger ISSUED = new AtomicInteger();

    private Fixtures() {}

    /** A fresh id, so that tests sharing one node never collide. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An organization body, as the conformance kit writes them. */
    public static String organization(String name, String orgType, String parentIri) {
        return Sandbox.organizationBody(name, orgType, parentIri);
    }

    /** {@code body} (a JSON-LD object) naming its subject {@code iri}, as a PUT requires. */
    public static String withId(String body, String iri) {
        return Sandbox.withId(body, iri);
    }

    /**
     * A valid national ID number for a person born on {@code birth}, a different one on each call
     * (in one test JVM): 400 sequence codes per region code, then the next region code.
     */
    public static String nationalId(LocalDate birth, boolean male) {
        int n = ISSUED.getAndIncrement();
        String region = String.valueOf(110101 + n / 400);
        return NationalIdNumber.generate(region, birth, (n % 400) * 2 + (male ? 1 : 2), male).value();
    }

    /** A full member of {@code branchIri}, born in 1980, with Chinese name and address. */
    public static String member(String name, String branchIri) {
        LocalDate birth = LocalDate.of(1980, 5, 17);
        return """
                {"@context": "%s", "type": "Member", "name": "%s", "gender": "Female", "ethnicity": "汉族",
                 "birthDate": "%s", "nationalId": "%s", "address": "北京市朝阳区建国路88号院3号楼",
                 "stage": "FullMember", "branch": "%s",
                 "applicationDate": "2005-03-01", "activistDate": "2005-09-01", "candidateDate": "2006-10-01",
                 "admissionDate": "2007-07-01", "fullMembershipDate": "2008-07-01"}"""
                .formatted(CONTEXT, name, birth, nationalId(birth, false), branchIri);
    }
}
