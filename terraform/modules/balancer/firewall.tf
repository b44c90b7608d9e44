# AWS WAF in front of the balancer: what the nodes also refuse, refused before it costs them a
# connection. Requests per client address over five minutes, and bodies too large for any route.

resource "aws_wafv2_web_acl" "this" {
  name        = var.name
  description = "Flood and payload limits in front of ${var.name}"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  # Refusals in the contract's error body (docs/protocol.md), as the nodes would answer them.
  custom_response_body {
    key          = "rate-limited"
    content_type = "APPLICATION_JSON"
    content      = jsonencode({ error = "rate_limited", message = "too many requests from this address; try again in a few minutes" })
  }

  custom_response_body {
    key          = "payload-too-large"
    content_type = "APPLICATION_JSON"
    content      = jsonencode({ error = "payload_too_large", message = "a request body may be at most 64 KiB" })
  }

  rule {
    name     = "requests-per-address"
    priority = 1
    action {
      block {
        custom_response {
          response_code            = 429
          custom_response_body_key = "rate-limited"
          response_header {
            name  = "Retry-After"
            value = "300"
          }
        }
      }
    }
    statement {
      rate_based_statement {
        limit              = var.requests_per_address_per_5_minutes
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-requests-per-address"
      sampled_requests_enabled   = false
    }
  }

  # The nodes refuse a REST body over 64 KiB (413). WAF sees only the first 8 KiB of a body, so it
  # judges the declared length: six digits or more is 100,000 bytes or more. A chunked body carries
  # no length and is left to the node.
  rule {
    name     = "payload-limit"
    priority = 2
    action {
      block {
        custom_response {
          response_code            = 413
          custom_response_body_key = "payload-too-large"
        }
      }
    }
    statement {
      size_constraint_statement {
        comparison_operator = "GT"
        size                = 5
        field_to_match {
          single_header {
            name = "content-length"
          }
        }
        text_transformation {
          priority = 0
          type     = "NONE"
        }
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-payload-limit"
      sampled_requests_enabled   = false
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = var.name
    sampled_requests_enabled   = false
  }
}

resource "aws_wafv2_web_acl_association" "this" {
  resource_arn = aws_lb.this.arn
  web_acl_arn  = aws_wafv2_web_acl.this.arn
}

# WAF's own log group name must start with aws-waf-logs-.
resource "aws_cloudwatch_log_group" "firewall" {
  name              = "aws-waf-logs-${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

# The firewall's log holds each request's headers, so the two that carry a user's token are
# redacted (a REST call's Authorization, a browser socket's bearer.<token> subprotocol), and the query
# string too, though no credential is sent in it. Sampled requests would show them unredacted, so
# sampling is off on every rule above: the log is where to look.
resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.firewall.arn]

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }
  redacted_fields {
    single_header {
      name = "sec-websocket-protocol"
    }
  }
  redacted_fields {
    query_string {}
  }
}
