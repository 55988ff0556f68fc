package io.forestall.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource or method that limits its requests itself (event ingest, with the tenant's
 * ingest allowance and throttled signature checks), so the API's general limit passes it by.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OwnRateLimit {}
