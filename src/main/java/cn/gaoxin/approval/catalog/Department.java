package cn.gaoxin.approval.catalog;

/** A department or role; its id is the Camunda candidate group of its tasks. */
public record Department(String id, String name, String kind) {}
