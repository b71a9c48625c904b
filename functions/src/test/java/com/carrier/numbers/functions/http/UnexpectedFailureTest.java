package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.functions.api.PurchaseNumberHandler;
import com.carrier.numbers.functions.template.Events;
import com.carrier.numbers.functions.wiring.Invocations;
import com.carrier.numbers.service.SearchQuery;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * A fault nobody planned for (here: the transaction call throws an unchecked exception that is not
 * an SDK error) in a real handler: the caller gets 500 INTERNAL_ERROR in the route's envelope, with
 * the request id and no internals, and nothing was changed.
 */
class UnexpectedFailureTest {

    static final class BrokenTransactions extends DelegatingDynamoDbClient {
        volatile boolean broken;

        BrokenTransactions() {
            super(LocalDynamo.client());
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            if (broken) {
                throw new IllegalStateException("a bug deep down");
            }
            return super.transactWriteItems(r);
        }
    }

    @Test
    void anUnexpectedExceptionIsInternalErrorAndChangesNothing() throws Exception {
        BrokenTransactions client = new BrokenTransactions();
        PlatformFixture f = PlatformFixture.on(client);
        Caller demo = f.master("MA_demo", "100.00");
        f.load("+14152000001", 1);
        client.broken = true;

        APIGatewayV2HTTPEvent event = Events.load("PurchaseNumberFunction", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = new PurchaseNumberHandler(f.platform).handleRequest(event,
                Invocations.context("PurchaseNumberFunction"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.path("message").asText()).as(response.getBody()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.getBody()).doesNotContain("a bug deep down").doesNotContain("IllegalStateException");
        client.broken = false;
        assertThat(f.account("MA_demo").balance()).isEqualTo(Money.of("100.00"));
        assertThat(f.platform.accounts().ledger(demo, "MA_demo", 10, null).entries()).hasSize(1);
        assertThat(f.platform.inventory().search(new SearchQuery("+14152000001", null, null, 1))).containsExactly("+14152000001");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+14152000001")).extracting(a -> a.action()).containsExactly("load");
    }
}
