package org.lianxin.client;

import jakarta.json.JsonObject;

/**
 * A read receipt（已读回执, spec 17.7): the member read the notice, kept by the member's node, once
 * per member and notice; reading again gives back the receipt of the first read.
 *
 * @param reader the member
 * @param notice the notice, on any node
 * @param readAt when the member first read it
 */
public record ReadReceipt(String reader, String notice, String readAt) {

    static ReadReceipt of(JsonObject json) {
        return new ReadReceipt(json.getString("reader"), json.getString("notice"), json.getString("readAt"));
    }
}
