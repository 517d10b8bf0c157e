/**
 * MicroProfile Rest Client interfaces of a Lianxin node, for applications that run in a MicroProfile
 * server (Open Liberty, WildFly, Payara, Quarkus, ...): the server implements them, and answers are
 * JSON-P {@link jakarta.json.JsonObject}s (Turtle as a {@code String}).
 *
 * <p>The base URI of each interface is the node's base URL, e.g.
 * {@code http://localhost:9080/nodes/province}, set with MicroProfile Config under the config key
 * {@value org.lianxin.client.microprofile.LianxinRestClient#CONFIG_KEY}
 * ({@code lianxin/mp-rest/url=http://...}) or given to {@code RestClientBuilder}:
 *
 * <pre>{@code
 * @Inject @RestClient OrganizationsClient organizations;            // CDI, with the config key "lianxin"
 * JsonObject county = organizations.read("Bearer " + token, "qingshan-county");
 *
 * MembersClient members = RestClientBuilder.newBuilder()             // or without CDI
 *         .baseUri(URI.create("http://localhost:9080/nodes/county")).build(MembersClient.class);
 * }</pre>
 *
 * <p>Every method takes the {@code Authorization} header (e.g. {@code "Bearer " + token}) as its
 * first argument; the node description needs none. A refused request is, as MicroProfile Rest
 * Client's default mapper makes it, a {@code jakarta.ws.rs.WebApplicationException} whose response
 * carries the problem report. Unlike {@link org.lianxin.client.LianxinClient}, these interfaces
 * follow no pages, check no conformance class, retry nothing and never refuse a partial answer:
 * they are the routes of the spec's OpenAPI file, typed for Java.
 *
 * <p>The dependencies ({@code jakarta.ws.rs-api}, {@code microprofile-rest-client-api}) are
 * {@code provided} and optional in the SDK: an application in a MicroProfile server has them; a
 * plain Java application does not need them, nor this package.
 */
package org.lianxin.client.microprofile;
