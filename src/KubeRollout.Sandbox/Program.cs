using KubeRollout.Sandbox.Hosting;

return await SandboxProgram.RunAsync(args);
