package chat.server.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Lets any bean take the pooled, transaction-aware DataSource in its constructor. */
@ApplicationScoped
public class DataSourceProducer {

  @Produces
  @Resource(lookup = ChatDataSource.JNDI_NAME)
  private DataSource dataSource;
}
