# Who may talk to whom, in one place. Only the balancer is reachable from the internet, and only on 443
# (and 80, which answers nothing but a redirect to 443). Nodes take HTTP from the balancer alone and
# the grid port from each other alone; the database takes PostgreSQL from the nodes alone.

resource "aws_security_group" "balancer" {
  name_prefix = "${var.name}-balancer-"
  description = "The load balancer: HTTPS from anyone, HTTP to the nodes"
  vpc_id      = var.vpc_id
  tags        = { Name = "${var.name}-balancer" }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "nodes" {
  name_prefix = "${var.name}-nodes-"
  description = "Chat nodes: HTTP from the balancer, the data grid between nodes"
  vpc_id      = var.vpc_id
  tags        = { Name = "${var.name}-nodes" }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "database" {
  name_prefix = "${var.name}-database-"
  description = "PostgreSQL: from the nodes only"
  vpc_id      = var.vpc_id
  tags        = { Name = "${var.name}-database" }
  lifecycle {
    create_before_destroy = true
  }
}

# --- the balancer

resource "aws_vpc_security_group_ingress_rule" "balancer_https" {
  security_group_id = aws_security_group.balancer.id
  description       = "HTTPS and WebSocket from clients"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "balancer_http_redirect" {
  security_group_id = aws_security_group.balancer.id
  description       = "HTTP from clients, answered only with a redirect to HTTPS"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "balancer_to_nodes" {
  security_group_id            = aws_security_group.balancer.id
  description                  = "Requests, sockets and health checks to the nodes"
  ip_protocol                  = "tcp"
  from_port                    = var.http_port
  to_port                      = var.http_port
  referenced_security_group_id = aws_security_group.nodes.id
}

# --- the nodes

resource "aws_vpc_security_group_ingress_rule" "nodes_from_balancer" {
  security_group_id            = aws_security_group.nodes.id
  description                  = "HTTP from the balancer only"
  ip_protocol                  = "tcp"
  from_port                    = var.http_port
  to_port                      = var.http_port
  referenced_security_group_id = aws_security_group.balancer.id
}

resource "aws_vpc_security_group_ingress_rule" "nodes_grid" {
  security_group_id            = aws_security_group.nodes.id
  description                  = "The data grid, from other nodes only"
  ip_protocol                  = "tcp"
  from_port                    = var.grid_port
  to_port                      = var.grid_port
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_vpc_security_group_egress_rule" "nodes_grid" {
  security_group_id            = aws_security_group.nodes.id
  description                  = "The data grid, to other nodes"
  ip_protocol                  = "tcp"
  from_port                    = var.grid_port
  to_port                      = var.grid_port
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_vpc_security_group_egress_rule" "nodes_to_database" {
  security_group_id            = aws_security_group.nodes.id
  description                  = "PostgreSQL"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database.id
}

resource "aws_vpc_security_group_egress_rule" "nodes_to_aws_apis" {
  security_group_id = aws_security_group.nodes.id
  description       = "AWS APIs and OS packages over HTTPS, through the NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# --- the database

resource "aws_vpc_security_group_ingress_rule" "database_from_nodes" {
  security_group_id            = aws_security_group.database.id
  description                  = "PostgreSQL from the nodes only"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.nodes.id
}
