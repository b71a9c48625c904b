package com.carrier.numbers.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/**
 * Passes every call the platform makes to another client; tests override one method to inject
 * faults (e.g. TransactionConflict) or to measure consumed capacity.
 */
public class DelegatingDynamoDbClient implements DynamoDbClient {
    protected final DynamoDbClient delegate;

    public DelegatingDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override public String serviceName() { return delegate.serviceName(); }
    @Override public void close() { delegate.close(); }
    @Override public GetItemResponse getItem(GetItemRequest r) { return delegate.getItem(r); }
    @Override public PutItemResponse putItem(PutItemRequest r) { return delegate.putItem(r); }
    @Override public UpdateItemResponse updateItem(UpdateItemRequest r) { return delegate.updateItem(r); }
    @Override public DeleteItemResponse deleteItem(DeleteItemRequest r) { return delegate.deleteItem(r); }
    @Override public QueryResponse query(QueryRequest r) { return delegate.query(r); }
    @Override public QueryIterable queryPaginator(QueryRequest r) { return new QueryIterable(this, r); }
    @Override public ScanResponse scan(ScanRequest r) { return delegate.scan(r); }
    @Override public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) { return delegate.batchWriteItem(r); }
    @Override public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) { return delegate.transactWriteItems(r); }
    @Override public CreateTableResponse createTable(CreateTableRequest r) { return delegate.createTable(r); }
    @Override public DescribeTableResponse describeTable(DescribeTableRequest r) { return delegate.describeTable(r); }
    @Override public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r) { return delegate.updateTimeToLive(r); }
}
