package org.lianxin.node;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Lianxin reference node's REST API, at the root of the server. */
@ApplicationPath("/")
public class LianxinApplication extends Application {}
