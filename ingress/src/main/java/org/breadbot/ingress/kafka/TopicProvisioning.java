package org.breadbot.ingress.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.breadbot.common.kafka.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the topics before the web server and the poller start, so the first update never lands in a topic the
 * broker auto-created with the wrong partition count. A broker that is down does not stop ingress from starting:
 * it then answers 503 and reports not ready until Kafka is back.
 */
class TopicProvisioning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final Admin admin;
    private final TopicProvisioner provisioner;
    private final Duration timeout;

    TopicProvisioning(Admin admin, TopicProvisioner provisioner, Duration timeout) {
        this.admin = admin;
        this.provisioner = provisioner;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            provisioner.provision(admin, List.of(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Topic creation interrupted; topics are created by the next start");
        } catch (Exception e) {
            log.warn("Could not check or create the Kafka topics within {} ({}); continuing, "
                    + "updates are refused with 503 until Kafka answers", timeout, e.toString());
        }
    }
}
