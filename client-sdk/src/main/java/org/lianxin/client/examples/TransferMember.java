package org.lianxin.client.examples;

import java.io.PrintStream;
import java.time.Duration;

import org.lianxin.client.LianxinClient;
import org.lianxin.client.Transfer;

/**
 * Transfers a member to an organization of another node: the sending branch requests and approves,
 * the receiving branch accepts on its own node, and the example waits for the receipt.
 *
 * <pre>{@code
 * java ... org.lianxin.client.examples.TransferMember SENDING-NODE MEMBER-IRI RECEIVING-NODE TO-ORGANIZATION SENDER-TOKEN RECEIVER-TOKEN
 * }</pre>
 */
public final class TransferMember {

    private TransferMember() {}

    /**
     * Runs the example.
     *
     * @param args the sending node, the member, the receiving node, the organization it goes to, and the two tokens
     * @throws InterruptedException when interrupted while waiting for the receipt
     */
    public static void main(String[] args) throws InterruptedException {
        run(args[0], args[1], args[2], args[3], args[4], args[5], System.out);
    }

    /**
     * The example: request and approve on the sending node, accept on the receiving node, wait for the receipt.
     *
     * @param sendingNode    the member's node
     * @param member         the member's IRI
     * @param receivingNode  the node of the organization it goes to
     * @param toOrganization the organization it goes to
     * @param senderToken    a token of the sending branch's secretary
     * @param receiverToken  a token of the receiving organization's secretary
     * @param out            where the example prints
     * @return the transfer as the sending node finally has it
     * @throws InterruptedException when interrupted while waiting for the receipt
     */
    public static Transfer run(String sendingNode, String member, String receivingNode, String toOrganization,
                               String senderToken, String receiverToken, PrintStream out) throws InterruptedException {
        LianxinClient sending = LianxinClient.builder(sendingNode).tokens(() -> senderToken).build();
        LianxinClient receiving = LianxinClient.builder(receivingNode).tokens(() -> receiverToken).build();
        Transfer transfer = sending.transfers().approve(sending.transfers().request(member, toOrganization, "工作调动").id());
        out.println("letter " + transfer.letterNumber() + ", valid until " + transfer.letterValidUntil());
        Transfer offered = null;
        for (long waited = 0; offered == null && waited < 20_000; waited += 200) {
            offered = receiving.transfers().of(member).filter(t -> t.state().equals("Approved")).findFirst().orElse(null);
            if (offered == null) {
                Thread.sleep(200);
            }
        }
        if (offered == null) {
            throw new IllegalStateException("The receiving node has not received the offer; the sending node keeps trying.");
        }
        out.println("accepted: " + receiving.transfers().accept(offered.id()).newMember());
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!transfer.finished() && System.nanoTime() < until) {
            Thread.sleep(200);
            transfer = sending.transfers().read(transfer.id());
        }
        out.println(transfer.state() + ": the member's record is now " + transfer.newMember());
        return transfer;
    }
}
