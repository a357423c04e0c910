package org.regdesk.card.reference;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;

import com.licel.jcardsim.base.Simulator;

import jdk.net.ExtendedSocketOptions;

/**
 * Puts a simulated card into a vsmartcard "Virtual PCD" reader of a real pcscd: the card side
 * connects to vpcd (TCP 35963 for reader 00 00, 35964 for 00 01) and answers its messages, each a
 * 2-byte big-endian length and a payload. One-byte payloads are control (0 power off, 1 power on,
 * 2 reset, 4 get ATR); anything longer is a command APDU. Closing the connection is pulling the card;
 * {@link #insert()} puts it back with its persistent state (PIN counters) intact, like a real card.
 */
public final class VirtualCardBridge implements AutoCloseable {

    public static final int READER_0_PORT = 35963;
    public static final int READER_1_PORT = 35964;

    private static final int POWER_OFF = 0;
    private static final int POWER_ON = 1;
    private static final int RESET = 2;
    private static final int GET_ATR = 4;

    private final Simulator card;
    private final String host;
    private final int port;
    private Socket socket;
    private volatile int pullAtInstruction = -1;

    private VirtualCardBridge(Simulator card, String host, int port) {
        this.card = Objects.requireNonNull(card, "card");
        this.host = host;
        this.port = port;
    }

    /** Inserts {@code card} into the vpcd reader listening on {@code host:port}. */
    public static VirtualCardBridge insert(Simulator card, String host, int port, Duration timeout) throws IOException {
        VirtualCardBridge bridge = new VirtualCardBridge(card, host, port);
        bridge.connect(timeout);
        return bridge;
    }

    /** Puts the card back after {@link #remove()}. */
    public synchronized void insert() throws IOException {
        if (socket == null) {
            connect(Duration.ofSeconds(10));
        }
    }

    /** Pulls the card out of the reader. */
    public synchronized void remove() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
            socket = null;
        }
    }

    /**
     * Pulls the card when the next command APDU with this instruction byte arrives, before the card
     * sees it: a card taken out in the middle of an operation, at a chosen step, through a real pcscd.
     */
    public void removeAtNext(byte instruction) {
        pullAtInstruction = instruction & 0xFF;
    }

    @Override
    public void close() {
        remove();
    }

    private synchronized void connect(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket candidate = new Socket();
            try {
                candidate.connect(new InetSocketAddress(host, port), 1000);
                candidate.setTcpNoDelay(true);
                socket = candidate;
                Thread.ofPlatform().daemon().name("vpcd-bridge-" + port).start(() -> serve(candidate));
                return;
            } catch (IOException e) {
                last = e;
                candidate.close();
                sleep(100);
            }
        }
        throw new IOException("No vpcd reader on " + host + ":" + port + " (is pcscd with vsmartcard-vpcd running?)", last);
    }

    private void serve(Socket connection) {
        try (connection; DataInputStream in = new DataInputStream(connection.getInputStream());
                DataOutputStream out = new DataOutputStream(connection.getOutputStream())) {
            boolean quickAck = connection.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
            while (true) {
                // Without quick ACKs each APDU waits ~40 ms for the delayed ACK; Linux resets the
                // option after every read, so it is set again before each one.
                if (quickAck) {
                    connection.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                }
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                if (message.length != length) {
                    throw new EOFException();
                }
                if (message.length > 1 && (message[1] & 0xFF) == pullAtInstruction) {
                    pullAtInstruction = -1;
                    remove();
                    return;
                }
                byte[] answer = answer(message);
                if (answer != null) {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (EOFException | SocketException removedOrStopped) {
            // the card was pulled (remove()) or vpcd went away: nothing more to answer
        } catch (IOException e) {
            throw new IllegalStateException("vpcd bridge on port " + port + " failed", e);
        }
    }

    private byte[] answer(byte[] message) {
        synchronized (card) {
            if (message.length == 1) {
                switch (message[0]) {
                case POWER_OFF, POWER_ON, RESET -> card.reset();
                case GET_ATR -> {
                    return card.getATR();
                }
                default -> {
                    // unknown control message: vpcd expects no answer
                }
                }
                return null;
            }
            return card.transmitCommand(message);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
