output "vpc_id" {
  description = "The VPC."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "The balancer's subnets, one a zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "The nodes' and the database's subnets, one a zone."
  value       = aws_subnet.private[*].id
}

output "public_subnet_cidrs_joined" {
  description = "The public subnets' ranges, comma-separated: the only addresses the balancer connects to nodes from."
  value       = join(",", aws_subnet.public[*].cidr_block)
}
