package org.lianxin.node.problems;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457): the node's own problems,
 * JAX-RS's (unknown route, wrong method, ...) and, as a last resort, anything unexpected, which is
 * logged here and answered with a 500 that reveals nothing of the data.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem;
        if (failure instanceof ProblemException p) {
            problem = p.problem();
        } else if (failure instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            problem = Problem.of(status, w.getResponse().getStatusInfo().getReasonPhrase());
        } else {
            LOG.log(Level.SEVERE, "unexpected failure", failure);
            problem = Problem.of(500, "The node failed to answer; the error is logged.");
        }
        return response(problem);
    }

    public static Response response(Problem problem) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", problem.type())
                .add("title", problem.title())
                .add("status", problem.status())
                .add("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            for (Problem.FieldError e : problem.errors()) {
                JsonObjectBuilder error = JSON.createObjectBuilder()
                        .add("field", e.field())
                        .add("rule", e.rule())
                        .add("message", e.message());
                if (e.requirement() != null) {
                    error.add("requirement", e.requirement());
                }
                errors.add(error);
            }
            body.add("errors", errors);
        }
        if (problem.completeness() != null) {
            body.add("completeness", problem.completeness());
        }
        Response.ResponseBuilder response = Response.status(problem.status(), problem.title()).type(MEDIA_TYPE + ";charset=utf-8")
                .entity(body.build().toString());
        return (problem.location() == null ? response : response.header("Location", problem.location())).build();
    }
}
